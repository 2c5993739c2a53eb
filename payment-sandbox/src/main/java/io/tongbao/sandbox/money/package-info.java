/** Money as integer fen inside, two-decimal yuan strings at the edges. */
package io.tongbao.sandbox.money;
