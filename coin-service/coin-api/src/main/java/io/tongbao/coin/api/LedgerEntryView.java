package io.tongbao.coin.api;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;

/** One append-only ledger entry; coins are signed integers (a CREDIT adds, a DEBIT subtracts). */
public record LedgerEntryView(long entryId, String type, @JsonFormat(shape = JsonFormat.Shape.NUMBER) long coins,
        @JsonFormat(shape = JsonFormat.Shape.NUMBER) long balanceAfter, String bizType, String bizId,
        OffsetDateTime createdAt) {
}
