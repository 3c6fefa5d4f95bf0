package cn.xietong.persistence;

import cn.xietong.XietongTest;

/** The contract on the embedded H2 of the shared test context. */
@XietongTest
class MasterDataOnH2Test extends MasterDataPersistenceContract {
}
