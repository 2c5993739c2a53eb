/**
 * Reconciliation: each channel's daily bill (payments and refunds, in the provider's day) compared with our attempts
 * and refunds. A payment the provider shows that we never recorded is applied through the one success path; every
 * other difference is reported, stored per channel and day, so that a repeated run gives the same answer.
 */
package io.tongbao.payment.reconciliation;
