package cn.xietong.mobile.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.xietong.mobile.MobileGate;

/** Puts the permission gate in front of every page under {@code /m/}. */
@Configuration(proxyBeanMethods = false)
class MobileWebConfiguration implements WebMvcConfigurer {

	private final MobileGate gate;

	MobileWebConfiguration(MobileGate gate) {
		this.gate = gate;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new MobileGateInterceptor(gate)).addPathPatterns("/m", "/m/**").excludePathPatterns("/m/login",
				"/m/oauth/**", "/m/error");
	}
}
