package com.example.shop;

/** The shop on Boot's default embedded database, H2 in memory. */
class H2ShopTests extends ShopContract {
}
