/**
 * 生成自定义菜单 (F7): the menus of OA and PB, checked against WeChat Work's limits before any call,
 * with view buttons that open the mobile pages through OAuth2 and click buttons the callbacks answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Custom menus")
package cn.xietong.menu;
