/**
 * 消息推送 (F8): durable WeChat Work messages. Modules publish a {@link cn.xietong.messaging.MessageRequest}
 * through {@link cn.xietong.messaging.Messages#publish} inside their own transaction (an outbox); a
 * dispatcher sends it in chunks through the system's app, paced per member, retried on transient
 * errors, with WeChat Work's duplicate check covering resends. Also the REST API for related systems
 * ({@code /api/v1/messages}, API key) and 消息记录 for administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package cn.xietong.messaging;
