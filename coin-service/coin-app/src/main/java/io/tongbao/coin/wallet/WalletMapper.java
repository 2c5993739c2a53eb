package io.tongbao.coin.wallet;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface WalletMapper {

    /** The balance, or null when the user has no wallet yet (a wallet is opened by its first credit). */
    @Select("SELECT balance FROM wallet WHERE user_id = #{userId}")
    Long balanceOf(@Param("userId") long userId);
}
