/** Key codecs and key-file handling shared by every provider the sandbox imitates. */
package io.tongbao.sandbox.crypto;
