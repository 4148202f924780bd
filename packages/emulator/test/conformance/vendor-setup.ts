// Fails the whole conformance run at once when the vendored sources are missing.
import { ALGORITHMS, vendorPath } from './vendor.js';

export function setup(): void {
  vendorPath(...ALGORITHMS);
  vendorPath('ecosys-tutorials', 'tutorials');
}
