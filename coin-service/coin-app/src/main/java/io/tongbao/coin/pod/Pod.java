package io.tongbao.coin.pod;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A coin pack for sale; price in fen. */
@TableName("coin_pod")
public class Pod {

    @TableId(type = IdType.INPUT)
    private Long id;
    private String name;
    private Integer coin;
    private Integer giftCoin;
    private Long priceFen;
    private String status;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getCoin() {
        return coin;
    }

    public void setCoin(Integer coin) {
        this.coin = coin;
    }

    public Integer getGiftCoin() {
        return giftCoin;
    }

    public void setGiftCoin(Integer giftCoin) {
        this.giftCoin = giftCoin;
    }

    public Long getPriceFen() {
        return priceFen;
    }

    public void setPriceFen(Long priceFen) {
        this.priceFen = priceFen;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
