/**
 * 关联系统设置: the related systems (OA, PB, CRM and custom ones), each with its WeChat Work app (AgentId,
 * optional Secret), the callback Token and EncodingAESKey Xietong generates, its tag, and the API keys
 * other systems use for the REST API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Related systems")
package cn.xietong.systems;
