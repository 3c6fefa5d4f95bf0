/**
 * Cross-cutting infrastructure: the data directory, secret encryption, the clock, web and security
 * configuration, and the error answers of the JSON API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.xietong.system;
