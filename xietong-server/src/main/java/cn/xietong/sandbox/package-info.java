/**
 * The sandbox: when no real WeChat Work corp is bound, Xietong starts the built-in emulator in-process
 * and binds the master control to it — corp, contact-sync secret, and one app per built-in related
 * system with its callback URL, Token and EncodingAESKey — so that the whole story runs on one
 * machine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sandbox")
package cn.xietong.sandbox;
