package cn.xietong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class XietongApplication {

	public static void main(String[] args) {
		SpringApplication.run(XietongApplication.class, args);
	}
}
