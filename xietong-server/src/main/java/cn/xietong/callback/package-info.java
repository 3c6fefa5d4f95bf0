/**
 * 回调模式 (F6): WeChat Work's encrypted callbacks for each related system — URL verification, the
 * checks before any XML of a message is parsed, de-duplication across nodes, the passive replies
 * (待办, 帮助, menu clicks), the members' 关注 state and last location, and the 回调日志.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Callbacks")
package cn.xietong.callback;
