package io.tongbao.order;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;

import io.tongbao.payment.api.PaymentInternalApi;

@SpringBootApplication
@EnableFeignClients(clients = PaymentInternalApi.class)
@ConfigurationPropertiesScan
@MapperScan(basePackages = "io.tongbao.order", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class OrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderApplication.class, args);
    }
}
