package io.tongbao.payment.refund;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One refund of (part of) an order's payment; refundNo is the provider's refund number on every try. */
@TableName("refund")
public class Refund {

    @TableId(type = IdType.INPUT)
    private Long id;
    private String refundNo;
    private String payNo;
    private String orderNo;
    private Long userId;
    private String channel;
    private String kind;
    private Long amountFen;
    private String reason;
    private String status;
    private String failureReason;
    private String providerRefundNo;
    private String autoKey;
    private Instant createdAt;
    private Instant succeededAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getRefundNo() { return refundNo; }
    public void setRefundNo(String refundNo) { this.refundNo = refundNo; }
    public String getPayNo() { return payNo; }
    public void setPayNo(String payNo) { this.payNo = payNo; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getAmountFen() { return amountFen; }
    public void setAmountFen(Long amountFen) { this.amountFen = amountFen; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getFailureReason() { return failureReason; }
    public void setFailureReason(String failureReason) { this.failureReason = failureReason; }
    public String getProviderRefundNo() { return providerRefundNo; }
    public void setProviderRefundNo(String providerRefundNo) { this.providerRefundNo = providerRefundNo; }
    public String getAutoKey() { return autoKey; }
    public void setAutoKey(String autoKey) { this.autoKey = autoKey; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getSucceededAt() { return succeededAt; }
    public void setSucceededAt(Instant succeededAt) { this.succeededAt = succeededAt; }
}
