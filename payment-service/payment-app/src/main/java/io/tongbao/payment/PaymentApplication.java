package io.tongbao.payment;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.tongbao.coin.api.CoinRefundApi;
import io.tongbao.coin.api.WalletDebitApi;
import io.tongbao.order.api.OrderInternalApi;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableFeignClients(clients = {OrderInternalApi.class, WalletDebitApi.class, CoinRefundApi.class})
@MapperScan(basePackages = "io.tongbao.payment", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class PaymentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentApplication.class, args);
    }
}
