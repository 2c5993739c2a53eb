package io.tongbao.coin.pod;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.coin.api.PodView;
import io.tongbao.common.money.Money;

/** The coin packs on sale: public GET /api/coin/pods. */
@RestController
class PodController {

    private final PodMapper pods;

    PodController(PodMapper pods) {
        this.pods = pods;
    }

    @GetMapping("/api/coin/pods")
    List<PodView> pods() {
        return pods.selectList(new LambdaQueryWrapper<Pod>().eq(Pod::getStatus, "ON_SALE").orderByAsc(Pod::getId))
                .stream()
                .map(p -> new PodView(p.getId(), p.getName(), p.getCoin(), p.getGiftCoin(), Money.toYuan(p.getPriceFen()),
                        Money.CNY))
                .toList();
    }
}
