/** Helpers for the few server-rendered HTML pages. */
package io.tongbao.sandbox.html;
