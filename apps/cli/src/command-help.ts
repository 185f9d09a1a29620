/** The examples each command's `--help` ends with: real invocations a user can paste. */
export const examples = {
  program: [
    'csbs demo                                   # a 10-second tour against a built-in emulator',
    'csbs backups list --status available --max 20',
    "csbs backups query --selector 'env=prod,tier in (web,db)' --count",
    'csbs backups show 8f5c0d5e-6b5b-4c3a-9c55-1d1b3f0a9e10 -o yaml',
  ],
  list: [
    'csbs backups list                                  # the newest 50 backups',
    'csbs backups list --status available --az eu-de-01 --sort created_at:desc,name:asc',
    'csbs backups list --since 2026-01-01T00:00:00 --until 2026-02-01T00:00:00 --all -o csv > january.csv',
    'csbs backups list --resource-name web --fields id,name,extend_info.resource_az -o json',
    "csbs backups list --all --selector 'env=prod,!legacy' -o ndjson | jq -r .id",
  ],
  count: [
    'csbs backups count',
    'csbs backups count --status error --since 2026-01-01T00:00:00',
    'csbs backups count --all-tenants -o json',
  ],
  show: [
    'csbs backups show 8f5c0d5e-6b5b-4c3a-9c55-1d1b3f0a9e10',
    'csbs backups show <id> -o json --fields id,status,extend_info.size',
  ],
  query: [
    "csbs backups query --selector 'env=prod,tier in (web,db)'",
    "csbs backups query --selector 'any(team=web, team=api),!temporary' --all -o ndjson",
    "csbs backups query --selector 'env=prod' --name-contains nightly --limit 20 --offset 40",
    "csbs backups query --selector 'env notin (dev,test)' --count",
    'csbs backups query --tags-json query.json          # a wire-shape {"tags": [...], "not_tags_any": [...]}',
    'echo \'{"tags":[{"key":"env","values":["prod"]}]}\' | csbs backups query --tags-json -',
  ],
  report: [
    'csbs report                                       # the configured project, on the terminal',
    'csbs report --all-projects --by team,env --stale 7d',
    'csbs report --projects 0a1b2c,3d4e5f --status error -o json',
    'csbs report --all-projects --stale 7d -o csv --section stale > stale.csv',
    'csbs report --all-projects --by team --stale 7d --html backups.html',
  ],
  emulator: [
    'csbs emulator --generate 100000 --seed 7         # prints its URL and demo credentials',
    'csbs emulator --port 8080 --data backups.json',
  ],
  demo: ['csbs demo'],
  configShow: [
    'csbs config show',
    'csbs --cloud otc-prod config show -o json',
    'OS_CLOUD=otc-prod csbs config show',
  ],
  completion: [
    'source <(csbs completion bash)',
    'csbs completion zsh > ~/.zfunc/_csbs             # with fpath+=(~/.zfunc) in ~/.zshrc',
    'csbs completion fish > ~/.config/fish/completions/csbs.fish',
  ],
} as const;

export function examplesText(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export const selectorHelp = `
Selectors (kubectl style, matched against backup tags):
  env              has the key env            !env              lacks the key env
  env=prod         env is prod                env!=prod         env is absent or not prod
  env in (a,b)     env is a or b              env notin (a,b)   env is absent or neither
  any(team=web, tier)   at least one holds    !(env=prod, tier=db)   not all of them hold
  A comma at the top level means AND. Quote values with spaces: env="a b".
`;
