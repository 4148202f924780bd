import 'vitest';

declare module 'vitest' {
  interface ProvidedContext {
    tgraphControlUrl: string;
  }
}
