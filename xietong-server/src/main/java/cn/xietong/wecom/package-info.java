/**
 * The only module that knows WeChat Work's protocol: a typed client (tokens, retries, rate limits,
 * errcodes mapped to plain Chinese) and the callback crypto. It depends on no business module; the
 * callers pass the credentials.
 */
@org.springframework.modulith.ApplicationModule(displayName = "WeChat Work")
package cn.xietong.wecom;
