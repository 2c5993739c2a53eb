/** Settings and URL helpers shared by every provider the sandbox imitates. */
package io.tongbao.sandbox.config;
