package io.tongbao.coin.recharge;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A coin recharge: what the user buys (pod, coins, price in fen) and the order that pays for it. */
@TableName("recharge")
public class Recharge {

    @TableId(type = IdType.INPUT)
    private Long id;
    private Long userId;
    private Long podId;
    private String orderNo;
    private Long amountFen;
    private Integer coin;
    private Integer giftCoin;
    private String status;
    private Instant paidAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public Long getPodId() { return podId; }
    public void setPodId(Long podId) { this.podId = podId; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getAmountFen() { return amountFen; }
    public void setAmountFen(Long amountFen) { this.amountFen = amountFen; }
    public Integer getCoin() { return coin; }
    public void setCoin(Integer coin) { this.coin = coin; }
    public Integer getGiftCoin() { return giftCoin; }
    public void setGiftCoin(Integer giftCoin) { this.giftCoin = giftCoin; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Instant getPaidAt() { return paidAt; }
    public void setPaidAt(Instant paidAt) { this.paidAt = paidAt; }
}
