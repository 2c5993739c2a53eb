/** The WALLET channel: paying with the coins of coin-service, in one Seata global transaction with the payment. */
package io.tongbao.payment.channel.wallet;
