import { Document, isScalar, visit } from 'yaml';

/**
 * Forms that a reader retypes and the `yaml` package's 1.1 schema writes plain: octal
 * `0o17` (1.2 only), and `=` and `<<`, which PyYAML reads as the 1.1 "value" and "merge"
 * types and fails on.
 */
const retypedOutside11 = /^(?:[-+]?0o[0-7_]+|=|<<)$/;

/**
 * YAML that reads back as the same strings under 1.1 (PyYAML, older Ruby and Go readers)
 * and 1.2: written with the 1.1 schema, which quotes `no`, `on`, `yes`, `off`, `y`,
 * `1_000`, `12:30:00` and timestamps such as `2025-01-01` or every `created_at`, plus
 * the few forms only 1.2 retypes. Numbers, booleans and null stay plain.
 */
export function stringifyYaml(value: unknown): string {
  const doc = new Document(value, { version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && retypedOutside11.test(node.value)) {
        node.type = 'QUOTE_DOUBLE';
        // The 1.1 schema writes its merge key bare whatever the type; an explicit tag wins.
        if (node.value === '<<') node.tag = 'tag:yaml.org,2002:str';
      }
    },
  });
  return doc.toString();
}
