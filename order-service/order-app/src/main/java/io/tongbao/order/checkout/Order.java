package io.tongbao.order.checkout;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A row of orders. Status changes only through the guarded updates of {@link OrderMapper}. */
@TableName("orders")
public class Order {

    @TableId(type = IdType.INPUT)
    private Long id;
    private String orderNo;
    private Long userId;
    private String bizType;
    private String bizId;
    private String status;
    private Long amountFen;
    private Long paidAmountFen;
    private Long refundedAmountFen;
    private String currency;
    private String payNo;
    private Instant createdAt;
    private Instant expireAt;
    private Instant paidAt;
    private Instant closedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getBizType() { return bizType; }
    public void setBizType(String bizType) { this.bizType = bizType; }
    public String getBizId() { return bizId; }
    public void setBizId(String bizId) { this.bizId = bizId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getAmountFen() { return amountFen; }
    public void setAmountFen(Long amountFen) { this.amountFen = amountFen; }
    public Long getPaidAmountFen() { return paidAmountFen; }
    public void setPaidAmountFen(Long paidAmountFen) { this.paidAmountFen = paidAmountFen; }
    public Long getRefundedAmountFen() { return refundedAmountFen; }
    public void setRefundedAmountFen(Long refundedAmountFen) { this.refundedAmountFen = refundedAmountFen; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getPayNo() { return payNo; }
    public void setPayNo(String payNo) { this.payNo = payNo; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getExpireAt() { return expireAt; }
    public void setExpireAt(Instant expireAt) { this.expireAt = expireAt; }
    public Instant getPaidAt() { return paidAt; }
    public void setPaidAt(Instant paidAt) { this.paidAt = paidAt; }
    public Instant getClosedAt() { return closedAt; }
    public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
}
