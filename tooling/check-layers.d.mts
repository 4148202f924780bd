export declare const LAYERS: Record<
  string,
  { layer: number; node?: boolean | ((file: string) => boolean); dev?: boolean }
>;
export declare function checkLayers(root: string): string[];
export declare const FOLDER_RULES: Record<string, { from: string[]; not: string[]; why: string }>;
