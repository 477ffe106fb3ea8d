package com.example.couponimporter.write.db;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/** Tells Spring Boot that {@link SchemaMigrations} initializes the database, so the job repository waits for it. */
public class SchemaMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(SchemaMigrations.class);
	}

}
