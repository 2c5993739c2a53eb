package io.tongbao.payment.channel.wechat;

import io.tongbao.payment.channel.TradeRequest;

/** The prepay body of each mode, from one trade request: the same fields, in each SDK model. */
final class WechatPrepay {

    private static final int MAX_DESCRIPTION = 127;
    private final WechatProperties merchant;
    private final TradeRequest trade;

    WechatPrepay(WechatProperties merchant, TradeRequest trade) {
        this.merchant = merchant;
        this.trade = trade;
    }

    com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest nativePay() {
        var request = new com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.nativepay.model.Amount();
        amount.setTotal(Math.toIntExact(trade.amountFen()));
        amount.setCurrency("CNY");
        request.setAppid(merchant.appId());
        request.setMchid(merchant.mchId());
        request.setDescription(description());
        request.setOutTradeNo(trade.payNo());
        request.setTimeExpire(WechatTrades.rfc3339(trade.expireAt()));
        request.setNotifyUrl(merchant.notifyUrl());
        request.setAmount(amount);
        return request;
    }

    com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest jsapi() {
        var request = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
        amount.setTotal(Math.toIntExact(trade.amountFen()));
        amount.setCurrency("CNY");
        var payer = new com.wechat.pay.java.service.payments.jsapi.model.Payer();
        payer.setOpenid(trade.openId());
        request.setAppid(merchant.appId());
        request.setMchid(merchant.mchId());
        request.setDescription(description());
        request.setOutTradeNo(trade.payNo());
        request.setTimeExpire(WechatTrades.rfc3339(trade.expireAt()));
        request.setNotifyUrl(merchant.notifyUrl());
        request.setAmount(amount);
        request.setPayer(payer);
        return request;
    }

    com.wechat.pay.java.service.payments.h5.model.PrepayRequest h5(String h5Type) {
        var request = new com.wechat.pay.java.service.payments.h5.model.PrepayRequest();
        var amount = new com.wechat.pay.java.service.payments.h5.model.Amount();
        amount.setTotal(Math.toIntExact(trade.amountFen()));
        amount.setCurrency("CNY");
        var h5Info = new com.wechat.pay.java.service.payments.h5.model.H5Info();
        h5Info.setType(h5Type);
        var scene = new com.wechat.pay.java.service.payments.h5.model.SceneInfo();
        scene.setPayerClientIp(trade.clientIp());
        scene.setH5Info(h5Info);
        request.setAppid(merchant.appId());
        request.setMchid(merchant.mchId());
        request.setDescription(description());
        request.setOutTradeNo(trade.payNo());
        request.setTimeExpire(WechatTrades.rfc3339(trade.expireAt()));
        request.setNotifyUrl(merchant.notifyUrl());
        request.setAmount(amount);
        request.setSceneInfo(scene);
        return request;
    }

    private String description() {
        String subject = trade.subject();
        return subject.length() <= MAX_DESCRIPTION ? subject : subject.substring(0, MAX_DESCRIPTION);
    }
}
