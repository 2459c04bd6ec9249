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
 * The name of the function @nestjs/graphql resolves a plain @Field with: it reads the property
 * of the field's name, or the field's default value (no object type here declares one; input
 * types do). Checked by the schema's integration test, and harmless when a version renames it
 * (such fields are then guarded like any resolver).
 */
const NEST_PROPERTY_READER = 'rootFieldResolver';

/**
 * Whether a field only reads its parent's property of the same name: graphql-js's default, or
 * @nestjs/graphql's reader of a @Field (a @ResolveField replaces it).
 */
export const isPlainProperty = (field: GraphQLField<unknown, unknown>): boolean =>
  field.resolve === undefined || (field.resolve.name === NEST_PROPERTY_READER && field.args.length === 0);

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
        if (!field || !isPlainProperty(field) || !metadata.findColumnWithPropertyName(name)) return false;
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
