import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';

const PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && PATTERN.test(value);

function parse(value: unknown): string {
  if (!isUuid(value)) throw new GraphQLError(`UUID cannot represent ${JSON.stringify(value)?.slice(0, 60)}`);
  return value.toLowerCase();
}

/**
 * The identifier of an object, as every argument and input field takes it: a UUID written
 * 8-4-4-4-12 in hexadecimal. Anything else is refused while the request's values are read,
 * before any resolver runs. Objects still answer their ids as `ID`.
 */
export const UuidScalar = new GraphQLScalarType({
  name: 'UUID',
  description: 'An identifier: a UUID such as 3f1c2a6e-8b1d-4c55-9a2e-0d6f4b7c9e11.',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast: ValueNode) => {
    // With the node, so that a refusal of a literal can name its field.
    if (ast.kind !== Kind.STRING || !isUuid(ast.value))
      throw new GraphQLError(`UUID cannot represent ${print(ast).slice(0, 60)}`, { nodes: ast });
    return ast.value.toLowerCase();
  },
});
