package cn.xietong.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param demoData create the demo company on first start ({@code xietong.demo-data}, default true) */
@ConfigurationProperties("xietong")
public record DemoSettings(@DefaultValue("true") boolean demoData) {
}
