// Walks the selected operation of a document with fragments expanded, reporting every
// field with its parent type, coerced arguments and the connection sizes enclosing it.
// GitHub's extra rules (pagination, node limit, cost, scopes) are all computed from this.
import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface FieldVisit {
  node: FieldNode;
  parentType: GraphQLCompositeType;
  def: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  /** Response path including the operation type first, e.g. ["query", "viewer", "repositories"]. */
  path: string[];
  /** Product of first/last of enclosing connections (1 at the top). */
  multiplier: number;
  /** Set when this field is a connection. */
  connection?: { size: number | undefined; argName: 'first' | 'last' | undefined };
}

/** A connection is an object type with pageInfo, reached through a field taking first/last. */
export function isConnectionField(def: GraphQLField<unknown, unknown>): boolean {
  const t = getNamedType(def.type);
  if (!isObjectType(t) && !isInterfaceType(t)) return false;
  return 'pageInfo' in t.getFields() && def.args.some((a) => a.name === 'first') && def.args.some((a) => a.name === 'last');
}

export function walkOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  visit: (v: FieldVisit) => void,
): void {
  const root = schema.getRootType(operation.operation);
  if (!root) return;

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, path: string[], multiplier: number, seen: Set<string>): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? typeFromAST(schema, sel.typeCondition) : parent;
        if (t && isCompositeType(t)) walk(sel.selectionSet, t, path, multiplier, seen);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments[sel.name.value];
        if (!frag || seen.has(frag.name.value)) continue;
        const t = typeFromAST(schema, frag.typeCondition);
        if (t && isCompositeType(t)) walk(frag.selectionSet, t, path, multiplier, new Set([...seen, frag.name.value]));
      } else {
        if (sel.name.value.startsWith('__')) continue;
        if (!('getFields' in parent)) continue;
        const def = parent.getFields()[sel.name.value];
        if (!def) continue;
        const args = getArgumentValues(def, sel, variables);
        const fieldPath = [...path, sel.alias?.value ?? sel.name.value];
        const v: FieldVisit = { node: sel, parentType: parent, def, args, path: fieldPath, multiplier };
        let childMultiplier = multiplier;
        if (isConnectionField(def)) {
          const first = typeof args.first === 'number' ? args.first : undefined;
          const last = typeof args.last === 'number' ? args.last : undefined;
          const size = first ?? last;
          v.connection = { size, argName: first !== undefined ? 'first' : last !== undefined ? 'last' : undefined };
          childMultiplier = multiplier * Math.max(size ?? 0, 0);
        }
        visit(v);
        const named = getNamedType(def.type);
        if (sel.selectionSet && isCompositeType(named)) walk(sel.selectionSet, named, fieldPath, childMultiplier, seen);
      }
    }
  };
  walk(operation.selectionSet, root, [operation.operation], 1, new Set());
}
