import {
  getNamedType,
  isObjectType,
  Kind,
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type FragmentDefinitionNode,
} from 'graphql';
import type { EntityMetadata } from 'typeorm';

/**
 * Whether a field of the schema only reads its parent's property of the same name: graphql-js's
 * default (the input boundary leaves plain @Field properties to it), or the property reader
 * @nestjs/graphql gives every @Field (a @ResolveField replaces it). Anything else counts as
 * computed: every column is then loaded, which is never wrong, only slower.
 */
const readsStoredProperty = (field: GraphQLField<unknown, unknown>) =>
  field.resolve === undefined || field.resolve.name === 'rootFieldResolver';

/**
 * The entity's properties a query's selection reads as they are stored, or undefined when it asks
 * for anything a resolver works out (a resolver may read any column of its parent, so then every
 * column is loaded). The primary columns are always among them. For lists, where loading and
 * hydrating columns nobody asked for (a cohort's rubric and offsets, say) is most of the cost.
 *
 * A field counts as stored when the object type gives it no resolver of its own and the entity
 * has a column of that property; `@include`/`@skip` are ignored (a field that might be asked for
 * is loaded).
 */
export function selectedColumns(info: GraphQLResolveInfo, metadata: EntityMetadata): string[] | undefined {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return undefined;
  const fields = type.getFields();
  const names = new Set<string>();
  const visited = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>): boolean => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        const name = s.name.value;
        if (name.startsWith('__')) continue;
        const field = fields[name];
        if (!field || !readsStoredProperty(field) || !metadata.findColumnWithPropertyName(name)) return false;
        names.add(name);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (s.typeCondition && s.typeCondition.name.value !== type.name) return false;
        if (!collect(s.selectionSet, fragments)) return false;
      } else {
        const fragment = fragments[s.name.value];
        if (!fragment || fragment.typeCondition.name.value !== type.name) return false;
        if (visited.has(fragment.name.value)) continue;
        visited.add(fragment.name.value);
        if (!collect(fragment.selectionSet, fragments)) return false;
      }
    }
    return true;
  };
  for (const node of info.fieldNodes) if (!collect(node.selectionSet, info.fragments)) return undefined;
  for (const column of metadata.primaryColumns) names.add(column.propertyName);
  return [...names];
}
