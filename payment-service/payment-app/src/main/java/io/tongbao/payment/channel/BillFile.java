package io.tongbao.payment.channel;

import java.time.LocalDate;

/** A provider's bill for one day, as the provider sent it (its digest already checked where it gives one). */
public record BillFile(String channel, LocalDate day, String fileName, byte[] content) {
}
