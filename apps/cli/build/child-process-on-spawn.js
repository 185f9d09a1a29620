// commander imports `node:child_process` at load time for one feature csbs does not use:
// executable subcommands (`git-style` `program-sub` files), which it starts with
// `childProcess.spawn`. That import costs every command the module and an ES module
// facade of its exports (~1 ms after node:net, more before it). In the csbs bundle,
// commander gets this object instead, whose `spawn` loads the real module when called.
// commander 15 uses only `spawn` (command.js `_executeSubCommand`).
export default {
  spawn(...args) {
    return process.getBuiltinModule('node:child_process').spawn(...args);
  },
};
