// The Colyseus message types a client sends. Kept free of zod so the browser
// can name them without loading the schemas.

/** The one message type a client sends actions with: the body is `{ seq, action }`. */
export const ACT = "act";

/**
 * A client that missed a patch (its `rev` jumped) sends this message type,
 * with no body, and gets its whole view again.
 */
export const RESYNC = "resync";
