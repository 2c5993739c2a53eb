package io.tongbao.learning;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

import io.tongbao.order.api.OrderInternalApi;

@SpringBootApplication
@EnableFeignClients(clients = OrderInternalApi.class)
@MapperScan(basePackages = "io.tongbao.learning", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class LearningApplication {

    public static void main(String[] args) {
        SpringApplication.run(LearningApplication.class, args);
    }
}
