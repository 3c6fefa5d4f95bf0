/**
 * 同步至微信: the one-way directory sync from Xietong to WeChat Work (F5). Every sync is a plan (from
 * Xietong's data, what Xietong last pushed and a few drift reads) and then its application; runs are
 * recorded with per-entity results, one at a time across nodes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory sync")
package cn.xietong.sync;
