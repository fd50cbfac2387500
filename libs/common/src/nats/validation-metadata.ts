import { getMetadataStorage, MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

let installed = false;

/**
 * Keeps class-validator's answer to "which rules apply to this class" instead
 * of working it out again on every validation. class-validator scans every
 * class it knows for each object it validates (typestack/class-validator#2686):
 * with the suite's hundreds of message classes, that scan and the arrays it
 * builds were a third of all the memory a service allocated per message, and
 * its largest single cost in time.
 *
 * A class's rules, its own and inherited, are registered when the class is
 * defined, before anything can validate one of its objects, so the answer is
 * kept per class (and per validation options). A rule registered later, by a
 * class defined later, drops everything kept. Installed once per process.
 */
export function rememberValidationRules(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let rulesOf = new WeakMap<object, Map<string, Rules>>();
  let groupedOf = new WeakMap<Rules, Grouped>();

  storage.addValidationMetadata = (metadata) => {
    rulesOf = new WeakMap();
    groupedOf = new WeakMap();
    register(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${(groups ?? []).join('\u0000')}`;
    let kept = rulesOf.get(target);
    if (!kept) rulesOf.set(target, (kept = new Map<string, Rules>()));
    let rules = kept.get(options);
    if (!rules) kept.set(options, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
  // The validator groups the same array by property on every call: kept with it.
  storage.groupByPropertyName = (rules) => {
    let grouped = groupedOf.get(rules);
    if (!grouped) groupedOf.set(rules, (grouped = group(rules)));
    return grouped;
  };
}
