package io.tongbao.sandbox.wechat.bill;

import java.time.Instant;

/**
 * A bill file fixed at the moment tradebill answered, so the hash it gave matches what the download serves.
 *
 * @param file    the bytes served: the CSV, gzipped when tar_type was GZIP
 * @param sha1Hex lower-case hex SHA-1 of the uncompressed CSV, as WeChat hashes it
 */
record IssuedBill(String token, String mchId, byte[] file, boolean gzip, String sha1Hex, Instant expiresAt) {
}
