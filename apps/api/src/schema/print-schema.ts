import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The schema as committed in apps/api/schema.gql: sorted, so that diffs are stable. */
export function printSorted(schema: GraphQLSchema): string {
  return `# Generated from the code-first resolvers: do not edit. Run \`npm run schema -w @hundred/api\`.\n\n${printSchema(
    lexicographicSortSchema(schema),
  )}\n`;
}
