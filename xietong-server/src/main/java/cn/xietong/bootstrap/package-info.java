/**
 * First start and every start: the root department, the built-in related systems, the first
 * administrator, the demo company, and the URLs printed once the server listens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bootstrap")
package cn.xietong.bootstrap;
