package io.tongbao.coin.api;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A user's coin balance. Coins are integers and are written as a JSON number (the id stays a string). */
public record WalletView(long userId, @JsonFormat(shape = JsonFormat.Shape.NUMBER) long balance) {
}
