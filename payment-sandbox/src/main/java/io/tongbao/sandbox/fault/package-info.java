/**
 * Faults armed by tests (API.md, "The sandbox"): the next refund requests of a channel are answered late or refused,
 * so that a client's timeout and retry paths can be exercised. Channel packages consult them; this one knows no
 * channel's protocol.
 */
package io.tongbao.sandbox.fault;
