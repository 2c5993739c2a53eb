package io.tongbao.order.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.money.Money;
import io.tongbao.order.api.CatalogInternalApi;
import io.tongbao.order.api.ProductView;

/** The goods catalog: public GET /api/order/products, and the internal lookup other services use. */
@RestController
class CatalogController implements CatalogInternalApi {

    private final SkuMapper skus;

    CatalogController(SkuMapper skus) {
        this.skus = skus;
    }

    @GetMapping("/api/order/products")
    List<ProductView> products() {
        return skus.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getStatus, "ON_SALE").orderByAsc(Sku::getId))
                .stream().map(CatalogController::view).toList();
    }

    @Override
    public ProductView product(long skuId) {
        Sku sku = skus.selectById(skuId);
        if (sku == null) {
            throw ApiException.notFound("SKU_NOT_FOUND", "No SKU " + skuId);
        }
        return view(sku);
    }

    private static ProductView view(Sku sku) {
        return new ProductView(sku.getId(), sku.getName(), Money.toYuan(sku.getPriceFen()), Money.CNY, sku.getStock());
    }
}
