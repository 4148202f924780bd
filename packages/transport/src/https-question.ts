// Shared by the network-failure explanations and the browser adapter's own, which is eager.
/** The words `tgraph doctor` uses for an https:// URL that reaches a plain-HTTP port. */
export const HTTPS_PORT_QUESTION = 'Is this an HTTPS port? For plain HTTP use an http:// host';
