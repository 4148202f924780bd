// Lets the examples `import … from 'tgraph'` inside this repository exactly as an app that
// installed tgraph from npm would: the bare name resolves to the workspace package (its `node`
// export condition → packages/tgraph/dist). Outside the monorepo you do not need this file.
//   node --import ./examples/register.mjs examples/seed-walkthrough.ts
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
const tgraphPackage = new URL('../packages/tgraph/package.json', ${JSON.stringify(import.meta.url)}).href;
export async function resolve(specifier, context, next) {
  if (specifier === 'tgraph' || specifier.startsWith('tgraph/')) {
    // Resolve as the package itself would (self-reference through its "exports").
    return next(specifier, { ...context, parentURL: tgraphPackage });
  }
  return next(specifier, context);
}
`),
);
