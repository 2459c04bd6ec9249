import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Plugin } from 'vite';

/**
 * Each `graphql(`…`)` call of the source becomes an import of that one document, as the client
 * preset's Babel plugin does. Without it, `graphql()` looks its text up in `src/gql/gql.ts`, a map
 * of every operation of the application, and that map with every document it names lands in the
 * entry chunk. Importing the documents from the generated `src/gql/graphql.ts` would not be enough
 * either: a bundler places a module in one chunk, so every document of the application would
 * still sit in the chunk shared by the entry and the pages. So each document is a small module of
 * its own (`\0hundred-gql:<export>`, its text taken from the generated file), and a page's chunk
 * holds the documents the page uses and nothing else.
 *
 * The operation's name gives the export's (`query TeamWorkspace` → `TeamWorkspaceDocument`,
 * `fragment PersonName` → `PersonNameFragmentDoc`); a name the generated file does not export fails
 * the build, so a change in the generator's naming cannot go unnoticed. Line breaks are kept, so
 * the lines of the source maps stay where they were.
 */
export function graphqlDocuments(): Plugin {
  let gqlDir = '';
  let documents: Map<string, string> | null = null;
  /** The generated documents by export name, each as the JSON of its syntax tree. */
  const generatedDocuments = (): Map<string, string> => {
    if (!documents) {
      const generated = readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8');
      documents = new Map(
        [...generated.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*$/gm)].map((m) => [
          m[1],
          m[2],
        ]),
      );
    }
    return documents;
  };
  const PREFIX = '\0hundred-gql:';
  const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
  const definition = /^\s*(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/;

  return {
    name: 'hundred-graphql-documents',
    enforce: 'pre',
    configResolved(config) {
      gqlDir = path.join(config.root, 'src/gql');
    },
    buildStart() {
      documents = null;
    },
    resolveId(source) {
      return source.startsWith(PREFIX) ? source : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const json = generatedDocuments().get(id.slice(PREFIX.length));
      if (json === undefined) throw new Error(`src/gql/graphql.ts has no document ${id.slice(PREFIX.length)}`);
      return { code: `export default ${json};`, map: null };
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!/\.tsx?$/.test(file) || file.startsWith(gqlDir) || !code.includes('graphql(`')) return null;
      const names = new Set<string>();
      const replaced = code.replace(call, (whole, text: string) => {
        const found = definition.exec(text.replace(/#[^\n]*/g, ''));
        if (!found) throw new Error(`${file}: a graphql() document without a named operation or fragment`);
        const [, kind, name] = found;
        const binding = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        if (!generatedDocuments().has(binding)) {
          throw new Error(`${file}: src/gql/graphql.ts has no export ${binding} (run the codegen)`);
        }
        names.add(binding);
        return `__gql_${binding}` + '\n'.repeat(whole.split('\n').length - 1);
      });
      if (names.size === 0) return null;
      const imports = [...names].map((n) => `import __gql_${n} from ${JSON.stringify(PREFIX + n)};`).join(' ');
      // On the first line, so that no line below moves.
      return { code: `${imports}${replaced}`, map: null };
    },
  };
}
